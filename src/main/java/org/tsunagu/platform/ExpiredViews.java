package org.tsunagu.platform;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * A form posted with a view state the server does not know — the session timed out, the server
 * restarted, or the state was forged — is not a server error: the page is simply loaded again (a
 * redirect to it, as a GET), so the user sees a fresh form instead of the 500 page. Registered in
 * faces-config.xml.
 */
public class ExpiredViews extends ExceptionHandlerFactory {

    public ExpiredViews(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() throws FacesException {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                Throwable t = events.next().getContext().getException();
                while (t instanceof FacesException && !(t instanceof ViewExpiredException) && t.getCause() != null) {
                    t = t.getCause();
                }
                if (t instanceof ViewExpiredException) {
                    events.remove();
                    FacesContext faces = FacesContext.getCurrentInstance();
                    ExternalContext ext = faces.getExternalContext();
                    if (!faces.getResponseComplete()) {
                        try {
                            ext.redirect(ext.getRequestContextPath() + ext.getRequestServletPath()
                                    + (ext.getRequestPathInfo() == null ? "" : ext.getRequestPathInfo()));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        faces.responseComplete();
                    }
                }
            }
            getWrapped().handle();
        }
    }
}
