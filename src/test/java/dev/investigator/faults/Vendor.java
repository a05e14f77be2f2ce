package dev.investigator.faults;

import java.util.function.Supplier;

/** The three vendors, each with a fresh fake of its API. */
enum Vendor {
    DATADOG(DatadogFake::new),
    SENTRY(SentryFake::new),
    XRAY(XRayFake::new);

    private final Supplier<VendorFake> fake;

    Vendor(Supplier<VendorFake> fake) {
        this.fake = fake;
    }

    VendorFake fake() {
        return fake.get();
    }
}
