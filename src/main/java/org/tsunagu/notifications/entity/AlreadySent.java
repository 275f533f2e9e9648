package org.tsunagu.notifications.entity;

/** A notification that was delivered was asked to be sent or retried again (the API answers 409). */
public class AlreadySent extends IllegalStateException {

    public AlreadySent() {
        super("the notification was already sent");
    }
}
