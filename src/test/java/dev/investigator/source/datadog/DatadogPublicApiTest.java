package dev.investigator.source.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What other packages can see of this adapter names no vendor type: the SDK stays inside. */
class DatadogPublicApiTest {

    @Test
    void publicSignaturesUseNoVendorTypes() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : List.of(DatadogSource.class, DatadogDigestSource.class, DatadogConnection.class, DatadogLinks.class)) {
            assertThat(Modifier.isPublic(type.getModifiers())).isTrue();
            Stream.<Executable>concat(Stream.of(type.getConstructors()), Stream.of(type.getMethods()))
                    .filter(e -> Modifier.isPublic(e.getModifiers()))
                    .forEach(e -> {
                        List<Class<?>> used = new ArrayList<>(List.of(e.getParameterTypes()));
                        if (e instanceof Method m) {
                            used.add(m.getReturnType());
                        }
                        used.addAll(List.of(e.getExceptionTypes()));
                        for (Class<?> u : used) {
                            String name = u.getName();
                            if (name.startsWith("com.datadog") || name.startsWith("org.glassfish") || name.startsWith("org.apache")
                                    || name.startsWith("jakarta.")) {
                                leaks.add(type.getSimpleName() + "." + (e instanceof Constructor<?> ? "<init>" : e.getName()) + " uses " + name);
                            }
                        }
                    });
        }
        assertThat(leaks).isEmpty();
    }
}
