package org.tsunagu;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the package-by-feature layout honest (docs/architecture.md): reads every main source file and
 * checks the rules of {@link Architecture}. A failure names the file and the rule it breaks, so the
 * fix is to move the code into the room it belongs to — or, for a new cross-feature need, to use the
 * other feature's control instead of its boundary.
 */
class ArchitectureTest {

    static final Path MAIN = Path.of("src/main/java");

    @Test
    void mainSourcesFollowTheRules() {
        List<String> violations = Architecture.check(sources(MAIN));
        assertEquals(List.of(), violations, () -> violations.size() + " architecture violations:\n  "
                + String.join("\n  ", violations));
    }

    @Test
    void everyFeatureHasAPackageInfo() {
        List<String> missing = new ArrayList<>();
        for (String feature : Architecture.features(sources(MAIN))) {
            Path info = MAIN.resolve(feature.replace('.', '/')).resolve("package-info.java");
            if (!Files.isRegularFile(info)) {
                missing.add(MAIN.relativize(info) + ": every feature says what it owns in a package-info.java");
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void aPlantedBoundaryUseIsReported() {
        Map<Path, String> planted = new TreeMap<>(Map.of(
                Path.of("org/tsunagu/alerts/control/Planted.java"), """
                        package org.tsunagu.alerts.control;
                        import org.tsunagu.directory.boundary.ResourcesResource;
                        class Planted { ResourcesResource r; }
                        """,
                Path.of("org/tsunagu/directory/boundary/ResourcesResource.java"), """
                        package org.tsunagu.directory.boundary;
                        public class ResourcesResource { }
                        """));
        List<String> v = Architecture.check(planted);
        assertTrue(v.stream().anyMatch(s -> s.startsWith("org/tsunagu/alerts/control/Planted.java:")
                && s.contains("another feature's boundary") && s.contains("org.tsunagu.directory.boundary.ResourcesResource")), v::toString);
        assertTrue(v.stream().anyMatch(s -> s.contains("control must not use a boundary")), v::toString);
    }

    @Test
    void aPlantedFullyQualifiedLuceneUseOutsideSearchIsReported() {
        Map<Path, String> planted = Map.of(Path.of("org/tsunagu/directory/control/Planted.java"), """
                package org.tsunagu.directory.control;
                class Planted {
                    // a comment naming org.apache.lucene.index.IndexWriter is not a use
                    org.apache.lucene.search.IndexSearcher searcher;
                }
                """);
        List<String> v = Architecture.check(planted);
        assertEquals(1, v.size(), v::toString);
        assertTrue(v.get(0).contains("Lucene index/search/store/facet belong to the search feature"), v::toString);
    }

    @Test
    void aPlantedCycleIsReportedWithItsFeatures() {
        Map<Path, String> planted = Map.of(
                Path.of("org/tsunagu/audit/control/A.java"), """
                        package org.tsunagu.audit.control;
                        class A { org.tsunagu.alerts.entity.Alert a; }
                        """,
                Path.of("org/tsunagu/alerts/entity/Alert.java"), """
                        package org.tsunagu.alerts.entity;
                        import org.tsunagu.audit.control.A;
                        public class Alert { A a; }
                        """);
        List<String> v = Architecture.check(planted);
        assertTrue(v.stream().anyMatch(s -> s.contains("feature cycle") && s.contains("alerts") && s.contains("audit")), v::toString);
    }

    @Test
    void aPlantedFacesUseInAnEntityIsReported() {
        Map<Path, String> planted = Map.of(Path.of("org/tsunagu/areas/entity/Planted.java"), """
                package org.tsunagu.areas.entity;
                import jakarta.faces.context.FacesContext;
                class Planted { }
                """);
        List<String> v = Architecture.check(planted);
        assertEquals(1, v.size(), v::toString);
        assertTrue(v.get(0).startsWith("org/tsunagu/areas/entity/Planted.java: jakarta.faces"), v::toString);
    }

    static Map<Path, String> sources(Path root) {
        Map<Path, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                try {
                    out.put(root.relativize(p), Files.readString(p, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
