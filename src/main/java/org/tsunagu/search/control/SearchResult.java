package org.tsunagu.search.control;

import java.util.List;
import java.util.Map;

/** One page of hits, the exact total, and facet counts per dimension (category, region, weekday). */
public record SearchResult(long total, int page, int size, List<SearchHit> items,
                           Map<String, Map<String, Integer>> facets) {
}
