package dev.investigator.source.xray;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bound on GetTraceSummaries pages of one collection, shared by its time slices. Each slice's first page is
 * set aside up front, so a slice that starts late is never starved by a busy sibling; the pages after the first
 * go to whichever slice asks first until the bound is spent.
 */
final class PageBudget {

    private final AtomicInteger laterPages;

    /** @throws IllegalArgumentException when the bound does not cover one first page per slice */
    PageBudget(int maxPages, int slices) {
        if (slices < 1 || maxPages < slices) {
            throw new IllegalArgumentException("a page bound of " + maxPages + " cannot cover " + slices + " slices");
        }
        this.laterPages = new AtomicInteger(maxPages - slices);
    }

    /** Claims one page after a slice's first; false once the bound is spent. */
    boolean takeLaterPage() {
        return laterPages.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
