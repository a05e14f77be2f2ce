package dev.investigator.bench;

import java.util.List;

/** The process's resident memory and the heap it holds on to, at one point of the run. */
final class MemoryReading implements BenchScenario {

    static final String RSS = "process RSS (VmRSS)";
    static final String HEAP = "heap used after GC";

    private final String when;

    /** @param when e.g. "after warm-up", "at the end" */
    MemoryReading(String when) {
        this.when = when;
    }

    @Override
    public String group() {
        return "memory " + when;
    }

    @Override
    public List<BenchTable.Row> run(BenchPipeline pipeline) {
        java.lang.management.MemoryUsage heap = ProcessMemory.heapAfterGc(); // first: the GC also settles what RSS shows
        String rss = ProcessMemory.residentBytes().stream().mapToObj(ProcessMemory::mebibytes).findFirst()
                .orElse("n/a (no /proc)");
        return List.of(new BenchTable.Row(RSS, rss), new BenchTable.Row(HEAP, ProcessMemory.mebibytes(heap.getUsed())
                + " (heap committed " + ProcessMemory.mebibytes(heap.getCommitted())
                + (heap.getMax() > 0 ? ", max " + ProcessMemory.mebibytes(heap.getMax()) : "") + ")"));
    }
}
