package dev.investigator.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the traces of the window say.
 *
 * @param truncated  true when paging stopped at the configured bound: counts are a sample, not the total
 * @param faultOnset the first minute in which faulty traces clustered, if any
 */
public record TraceStats(
        long traces,
        long faults,
        long errors,
        long throttles,
        double p95Millis,
        boolean truncated,
        Optional<Instant> faultOnset,
        List<RootCause> rootCauses,
        List<EndpointStat> slowestEndpoints,
        List<ServiceEdge> edges,
        List<TraceExample> examples) {

    public TraceStats {
        faultOnset = faultOnset == null ? Optional.empty() : faultOnset;
        rootCauses = List.copyOf(rootCauses);
        slowestEndpoints = List.copyOf(slowestEndpoints);
        edges = List.copyOf(edges);
        examples = List.copyOf(examples);
    }

    public double faultRate() {
        return traces == 0 ? 0 : (double) faults / traces;
    }

    public double errorRate() {
        return traces == 0 ? 0 : (double) errors / traces;
    }
}
