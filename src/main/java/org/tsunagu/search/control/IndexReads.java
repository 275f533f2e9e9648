package org.tsunagu.search.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.tsunagu.directory.entity.Resource;

import java.util.Collection;
import java.util.List;

/**
 * The index worker's reads of the database, each in a transaction of its own. Without one the
 * container lends the worker thread an entity manager registered with the request that started
 * it, and both close it (a page request then fails after its commit).
 */
@ApplicationScoped
public class IndexReads {

    @PersistenceContext
    EntityManager em;

    /** The published resources among {@code ids}, as the index stores them. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<IndexedResource> published(Collection<Long> ids) {
        return em.createNamedQuery(Resource.FIND_BY_IDS, Resource.class).setParameter("ids", ids).getResultList().stream()
                .filter(Resource::isPublished).map(IndexedResource::of).toList();
    }
}
