package org.tsunagu.directory.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Opens (and if need be rebuilds) the search index when the portal starts, after the database is
 * migrated and the first-start data is in, so the first resident's search finds everything.
 */
@Singleton
@Startup
@DependsOn("FirstStart")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SearchStartup {

    @Inject
    ResourceSearch search;

    @PostConstruct
    void start() {
        search.start();
    }
}
