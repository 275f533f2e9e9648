package org.tsunagu.search.boundary;

import org.tsunagu.search.control.ResourceSearch;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Opens (and if need be rebuilds) the search index when the portal starts, right after the database
 * is migrated and before the first-start data is loaded: the demo import then reaches the index
 * through the same after-commit events as any later edit. Starting the search here, inside a
 * container call, also gives it its injected resources before any event observer needs them.
 */
@Singleton
@Startup
@DependsOn("Database")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SearchStartup {

    @Inject
    ResourceSearch search;

    @PostConstruct
    void start() {
        search.start();
    }
}
