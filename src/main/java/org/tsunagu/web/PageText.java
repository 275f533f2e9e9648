package org.tsunagu.web;

import jakarta.faces.context.FacesContext;

import java.text.MessageFormat;

/**
 * The texts of the pages' `msg` bundle for page beans (messages, flash notes), in the language
 * the visitor chose: one lookup instead of one per page bean.
 */
public final class PageText {

    private PageText() {
    }

    /** The text of {@code key}, with {0}, {1}… filled in when arguments are given. */
    public static String of(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String pattern = faces.getApplication().getResourceBundle(faces, "msg").getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, faces.getViewRoot().getLocale()).format(args);
    }
}
