package org.tsunagu.search.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.tsunagu.directory.entity.Resource;

import java.util.Collection;
import java.util.List;

/**
 * The index worker's reads of the database, each in a transaction of its own. Without one the
 * container lends the worker thread an entity manager registered with the request that started
 * it, and both close it (a page request then fails after its commit).
 *
 * <p>A document needs the resource's town, the town's and the maintainer's center and their 圏域.
 * Loaded one by one, a chunk of 500 resources cost several hundred single-row queries (each town
 * with its 番地 ranges, each center, each region) in every fresh persistence context; the batch
 * hints of {@link #withRelations} load each relation of a whole chunk in one {@code IN} query.
 */
@ApplicationScoped
public class IndexReads {

    @PersistenceContext
    EntityManager em;

    /** The published resources among {@code ids}, as the index stores them. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<IndexedResource> published(Collection<Long> ids) {
        return withRelations(em.createNamedQuery(Resource.FIND_BY_IDS, Resource.class).setParameter("ids", ids))
                .getResultList().stream().filter(Resource::isPublished).map(IndexedResource::of).toList();
    }

    /** The query, told to load the relations a document needs in one query per relation for all its rows. */
    static TypedQuery<Resource> withRelations(TypedQuery<Resource> query) {
        for (String path : RELATIONS) {
            query.setHint(BATCH, path);
        }
        return query.setHint(BATCH_TYPE, "IN").setHint(BATCH_SIZE, ResourceSearch.CHUNK);
    }

    private static final String BATCH = "eclipselink.batch";
    private static final String BATCH_TYPE = "eclipselink.batch.type";
    private static final String BATCH_SIZE = "eclipselink.batch.size";
    private static final List<String> RELATIONS = List.of("r.municipality", "r.town", "r.town.blocks", "r.town.center",
            "r.town.center.region", "r.center", "r.center.region");
}
