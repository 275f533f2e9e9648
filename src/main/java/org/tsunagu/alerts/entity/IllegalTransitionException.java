package org.tsunagu.alerts.entity;

/** An alert was asked to do something its current status does not allow (the API answers 409). */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String message) {
        super(message);
    }
}
