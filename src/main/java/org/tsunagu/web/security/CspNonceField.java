package org.tsunagu.web.security;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;

import java.io.IOException;
import java.util.Map;

/**
 * Writes the page's CSP nonce into every Faces form, beside the view state. With
 * {@code primefaces.CSP} on, PrimeFaces accepts a post only if it carries the nonce the page was
 * rendered with ({@value #NONCE_PARAM}); PrimeFaces' own script adds it on submit, but most pages
 * here load no PrimeFaces script, and the forms must also work without any script. The nonce is no
 * secret from the page itself: it is in every script tag already.
 */
public class CspNonceField extends ViewHandlerWrapper {

    static final String NONCE_PARAM = "primefaces.nonce";

    public CspNonceField(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void writeState(FacesContext context) throws IOException {
        super.writeState(context);
        UIViewRoot view = context.getViewRoot();
        Map<String, Object> viewMap = view == null || view.isTransient() ? null : view.getViewMap(false);
        Object nonce = viewMap == null ? null : viewMap.get(NONCE_PARAM);
        if (nonce != null) {
            ResponseWriter writer = context.getResponseWriter();
            writer.startElement("input", null);
            writer.writeAttribute("type", "hidden", null);
            writer.writeAttribute("name", NONCE_PARAM, null);
            writer.writeAttribute("value", nonce.toString(), null);
            writer.endElement("input");
        }
    }
}
