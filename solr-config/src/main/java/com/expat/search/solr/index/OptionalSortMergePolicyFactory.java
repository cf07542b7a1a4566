package com.expat.search.solr.index;

import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.solr.core.SolrResourceLoader;
import org.apache.solr.index.MergePolicyFactory;
import org.apache.solr.index.MergePolicyFactoryArgs;
import org.apache.solr.index.SortingMergePolicy;
import org.apache.solr.schema.IndexSchema;
import org.apache.solr.search.SortSpecParsing;

/**
 * Solr's default merge policy (tiered), with an index sort when the argument {@code sort} is not
 * blank: every flushed segment is then written in that order and merges keep it, whatever order
 * the documents arrived in. Solr's own {@code SortingMergePolicyFactory} cannot be turned off by a
 * property, and an index sort cannot be added to an index that has segments without it (Lucene
 * refuses to open the writer), so the sort is a per-core property ({@code expat.indexSort}) that
 * only the bulk cores of a rebuild set: live cores made before it keep working unsorted until a
 * rebuild replaces them.
 *
 * <p>Why a rebuild sorts its core by place: a matches query reads the ranking columns of every
 * candidate of a few cities, and Lucene numbers documents in the order they are written; a bulk
 * load writes in parallel, so even rows read place by place end up interleaved (docs/benchmarks.md,
 * "Place locality in the index").
 */
public final class OptionalSortMergePolicyFactory extends MergePolicyFactory {
  private static final String SORT = "sort";

  public OptionalSortMergePolicyFactory(SolrResourceLoader loader, MergePolicyFactoryArgs args, IndexSchema schema) {
    super(loader, args, schema);
  }

  @Override
  public MergePolicy getMergePolicy() {
    Object sort = args.get(SORT);
    TieredMergePolicy tiered = new TieredMergePolicy();
    if (sort == null || sort.toString().isBlank()) {
      return tiered;
    }
    return new SortingMergePolicy(tiered, SortSpecParsing.parseSortSpec(sort.toString().trim(), schema).getSort());
  }
}
