package org.tsunagu.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.function.Supplier;

/**
 * One page action, all or nothing. A page bean wants to show a refused action (a bad CSV line, a
 * weak password) as a message on the form; if it caught the problem inside its own
 * {@code @Transactional} method, the interceptor would commit whatever had been done before the
 * problem. Going through this bean, the exception leaves the transaction first (rolling it back)
 * and is caught by the page afterwards.
 */
@ApplicationScoped
public class PageTransaction {

    @Transactional
    public <T> T call(Supplier<T> work) {
        return work.get();
    }

    @Transactional
    public void run(Runnable work) {
        work.run();
    }
}
