package dev.investigator.source.xray;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One query's share of the bound on GetTraceSummaries pages of a collection. Each time slice gets its first page
 * and a fixed share of the rest, so the same investigation always reads the same pages (re-running it gives the
 * same sample, whichever slice happens to answer first); what does not divide evenly goes to the newest slices,
 * where an incident shows first.
 */
final class PageBudget {

    private final AtomicInteger laterPages;

    private PageBudget(int laterPages) {
        this.laterPages = new AtomicInteger(laterPages);
    }

    /** The whole bound for one query over the whole window. */
    static PageBudget single(int maxPages) {
        return shares(maxPages, 1).get(0);
    }

    /**
     * The bound split between {@code slices} queries, oldest first (as {@link SummarySlices#split} orders them).
     *
     * @throws IllegalArgumentException when the bound does not cover one first page per slice
     */
    static List<PageBudget> shares(int maxPages, int slices) {
        if (slices < 1 || maxPages < slices) {
            throw new IllegalArgumentException("a page bound of " + maxPages + " cannot cover " + slices + " slices");
        }
        int later = maxPages - slices;
        List<PageBudget> shares = new ArrayList<>(slices);
        for (int i = 0; i < slices; i++) {
            int fromNewest = slices - 1 - i;
            shares.add(new PageBudget(later / slices + (fromNewest < later % slices ? 1 : 0)));
        }
        return shares;
    }

    /** Claims one page after this query's first; false once its share is spent. */
    boolean takeLaterPage() {
        return laterPages.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
