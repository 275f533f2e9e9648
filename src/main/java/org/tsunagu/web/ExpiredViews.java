package org.tsunagu.web;

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
 * A form post whose view state the server does not know — the session expired, the server
 * restarted, or the post was forged (no valid jakarta.faces.ViewState, which is Faces' CSRF token:
 * a SecureRandom id kept in the session) — changes nothing and leads to {@value #PAGE}, a page that
 * says so in plain words, instead of the 500 error page. A redirect rather than rendering here:
 * the answer to a broken post is then an ordinary GET page (rendering a new view inside the failed
 * post would trip PrimeFaces' CSP nonce check of posts). Ajax posts keep Faces' own handling.
 */
public class ExpiredViews extends ExceptionHandlerFactory {

    static final String PAGE = "/expired";

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
        public void handle() {
            FacesContext faces = FacesContext.getCurrentInstance();
            for (Iterator<ExceptionQueuedEvent> it = getUnhandledExceptionQueuedEvents().iterator(); it.hasNext(); ) {
                Throwable t = it.next().getContext().getException();
                if (expired(t) && faces != null && !faces.getPartialViewContext().isAjaxRequest()
                        && !faces.getExternalContext().isResponseCommitted()) {
                    it.remove();
                    ExternalContext ext = faces.getExternalContext();
                    try {
                        ext.redirect(ext.getRequestContextPath() + PAGE);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    faces.responseComplete();
                }
            }
            getWrapped().handle();
        }

        private static boolean expired(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof ViewExpiredException) {
                    return true;
                }
            }
            return false;
        }
    }
}
