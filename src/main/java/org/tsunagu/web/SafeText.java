package org.tsunagu.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import org.tsunagu.problems.JsonInput;

/**
 * Every text typed into a page obeys the same rule as the API's JSON ({@link JsonInput#unsafe}): no
 * NUL or other control characters, no bidirectional overrides. Registered in faces-config.xml as a
 * default validator, so no form can forget it.
 */
@FacesValidator("tsunagu.SafeText")
public class SafeText implements Validator<Object> {

    @Override
    public void validate(FacesContext context, UIComponent component, Object value) {
        if (value instanceof String s && JsonInput.unsafe(s) != null) {
            String text = context.getApplication().getResourceBundle(context, "msg").getString("input.unsafe");
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
    }
}
