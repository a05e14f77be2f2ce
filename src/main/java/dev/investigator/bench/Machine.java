package dev.investigator.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the figures were measured: CPU model, cores and memory (from /proc where there is one) and the JDK, so a
 * reader can tell a slower machine from a slower build.
 *
 * @param cpu    the CPU model name, or "unknown CPU"
 * @param cores  processors the JVM may use
 * @param memory total memory, e.g. "23.5 GiB", or "unknown memory"
 * @param jdk    vendor, version and VM, e.g. "Debian 17.0.15, OpenJDK 64-Bit Server VM"
 * @param load   the 1-minute load average when the run started, e.g. "0.12", or "unknown": other work on the
 *               machine shows in every figure
 */
record Machine(String cpu, int cores, String memory, String jdk, String load) {

    static Machine probe() {
        return describe(read(Path.of("/proc/cpuinfo")), read(Path.of("/proc/meminfo")), read(Path.of("/proc/loadavg")),
                Runtime.getRuntime().availableProcessors(), Map.of(
                        "java.vendor", System.getProperty("java.vendor", "?"),
                        "java.version", System.getProperty("java.version", "?"),
                        "java.vm.name", System.getProperty("java.vm.name", "?"),
                        "jvm.options", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                                .filter(a -> a.startsWith("-XX:") || a.startsWith("-Xm") || a.startsWith("-Xs")).toList())));
    }

    /** From the text of /proc/cpuinfo, /proc/meminfo and /proc/loadavg (empty when absent) and the JVM's properties. */
    static Machine describe(List<String> cpuinfo, List<String> meminfo, List<String> loadavg, int cores,
            Map<String, String> jvm) {
        String cpu = field(cpuinfo, "model name").orElse("unknown CPU");
        String memory = field(meminfo, "MemTotal")
                .map(v -> String.format(Locale.ROOT, "%.1f GiB", ProcessMemory.kibibytes(v) / (1024.0 * 1024.0)))
                .orElse("unknown memory");
        // JIT and GC options change the figures (BENCHMARKS.md); only -X options are shown, never -D values
        String options = jvm.getOrDefault("jvm.options", "");
        String jdk = jvm.get("java.vendor") + " " + jvm.get("java.version") + ", " + jvm.get("java.vm.name")
                + (options.isBlank() ? "" : ", " + options);
        String load = loadavg.isEmpty() || loadavg.get(0).isBlank() ? "unknown" : loadavg.get(0).trim().split("\\s+")[0];
        return new Machine(cpu, cores, memory, jdk, load);
    }

    private static Optional<String> field(List<String> lines, String name) {
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
                return Optional.of(line.substring(colon + 1).trim());
            }
        }
        return Optional.empty();
    }

    private static List<String> read(Path path) {
        try {
            return Files.readAllLines(path);
        } catch (IOException | RuntimeException e) {
            return List.of(); // not Linux: described as unknown
        }
    }
}
