package dev.investigator.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/** The process's memory as the OS sees it (resident set) and as the JVM does (heap in use after a GC). */
final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {
    }

    /** VmRSS from /proc/self/status, in bytes; empty where there is no /proc (macOS, Windows). */
    static OptionalLong residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(kibibytes(line) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc here: the figure is reported as n/a.
        }
        return OptionalLong.empty();
    }

    /**
     * Heap right after a full collection: in use (what the app holds on to, not garbage waiting for a GC), and
     * committed (what the JVM has taken from the OS for the heap, a large part of RSS), and the maximum.
     */
    static MemoryUsage heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage();
    }

    static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%d MiB", Math.round(bytes / (1024.0 * 1024.0)));
    }

    /** "VmRSS:	  123456 kB" → 123456. */
    static long kibibytes(String procLine) {
        String digits = procLine.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }
}
