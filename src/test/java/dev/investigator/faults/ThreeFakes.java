package dev.investigator.faults;

import dev.investigator.investigation.ChangePointDetector;
import dev.investigator.investigation.Correlator;
import dev.investigator.investigation.EvidenceSource;
import dev.investigator.investigation.Investigator;
import dev.investigator.source.Retries;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The three vendors faked side by side, their real sources, and a real {@link Investigator} over them. */
final class ThreeFakes implements AutoCloseable {

    private final Map<Vendor, VendorFake> fakes = new EnumMap<>(Vendor.class);
    private final List<EvidenceSource> sources = new ArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(6);
    private final Clock clock;

    ThreeFakes(Clock clock, Retries retries) {
        this.clock = clock;
        for (Vendor vendor : Vendor.values()) {
            VendorFake fake = vendor.fake();
            fakes.put(vendor, fake);
            sources.add(fake.source(clock, retries));
        }
    }

    VendorFake get(Vendor vendor) {
        return fakes.get(vendor);
    }

    Map<Vendor, VendorFake> all() {
        return fakes;
    }

    /** An investigator as {@code Application} builds one: every source at once, each under its budget. */
    Investigator investigator(Duration sourceBudget, Duration overallBudget) {
        return new Investigator(sources, new Correlator(new ChangePointDetector()), executor, clock, sourceBudget, overallBudget);
    }

    /** {@code broken} fails with {@code fault}, the others answer normally; requests seen so far are forgotten. */
    void failOnly(Vendor broken, Fault fault) {
        fakes.forEach((vendor, fake) -> fake.failWith(vendor == broken ? fault : Fault.NONE));
        reset();
    }

    void reset() {
        fakes.values().forEach(fake -> fake.server.reset());
    }

    /** Every request any of the three fakes received since the last reset. */
    List<RecordingServer.Hit> hits() {
        List<RecordingServer.Hit> hits = new ArrayList<>();
        fakes.values().forEach(fake -> hits.addAll(fake.server.hits()));
        return hits;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        fakes.values().forEach(VendorFake::close);
    }
}
