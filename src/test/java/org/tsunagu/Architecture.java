package org.tsunagu;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layout rules of docs/architecture.md as a function of the source text, so that
 * {@link ArchitectureTest} checks the real tree and proves on planted files that each rule can fail.
 *
 * <p>A <em>feature</em> is a package under {@code org.tsunagu} without its layer suffix
 * ({@code org.tsunagu.alerts.triage.boundary} belongs to the feature {@code alerts.triage}); flat
 * packages such as {@code web} or {@code persistence} are features without layers. Uses are imports
 * and fully qualified names in code and string literals (a JPQL enum literal is a use); comments are
 * not. The rules:
 * <ol>
 * <li>No use of another feature's boundary (REST resources, pages, timers are entry points, not APIs).</li>
 * <li>Control and entity never use a boundary, not even their own feature's.</li>
 * <li>{@code org.apache.lucene.{index,search,store,facet}} only in {@code search} (analysis may be used by
 *     the Japanese text package).</li>
 * <li>No {@code jakarta.ws.rs} or {@code jakarta.faces} in control or entity.</li>
 * <li>The features form a tree: no cycle, except the documented edges in {@link #ALLOWED}.</li>
 * </ol>
 */
final class Architecture {

    static final String BASE = "org.tsunagu";

    /** Feature edges that may close a cycle, each with its reason (docs/architecture.md repeats them). */
    static final Map<String, String> ALLOWED = Map.of(
            "directory -> search",
            "GET /api/v1/resources shares its @Path with the resource CRUD: directory's ResourcesResource "
                    + "delegates the search to search's control and writes hits with the resource JSON");

    private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;");
    private static final Pattern TSUNAGU_TYPE = Pattern.compile("\\b(org\\.tsunagu(?:\\.[a-z]\\w*)*)\\.([A-Z]\\w*)");
    private static final Pattern TSUNAGU_WILDCARD = Pattern.compile("\\bimport\\s+(?:static\\s+)?(org\\.tsunagu(?:\\.[a-z]\\w*)*)\\.\\*");
    private static final Pattern LUCENE = Pattern.compile("\\borg\\.apache\\.lucene\\.(index|search|store|facet)\\b");
    private static final Pattern WEB_API = Pattern.compile("\\bjakarta\\.(ws\\.rs|faces)\\b");

    private Architecture() {
    }

    /** The violations in {@code sources} (path relative to the source root → text), each naming its file and rule. */
    static List<String> check(Map<Path, String> sources) {
        List<String> out = new ArrayList<>();
        Map<String, Map<String, String>> edges = new TreeMap<>();
        for (Map.Entry<Path, String> e : new TreeMap<>(sources).entrySet()) {
            String file = e.getKey().toString().replace('\\', '/');
            String code = code(e.getValue());
            Matcher pm = PACKAGE.matcher(code);
            if (!pm.find() || !pm.group(1).startsWith(BASE)) {
                continue;
            }
            String pkg = pm.group(1);
            String feature = feature(pkg);
            String layer = layer(pkg);
            SortedSet<String> used = new TreeSet<>();
            Matcher m = TSUNAGU_TYPE.matcher(code);
            while (m.find()) {
                used.add(m.group(1) + "." + m.group(2));
            }
            Matcher w = TSUNAGU_WILDCARD.matcher(code);
            while (w.find()) {
                used.add(w.group(1) + ".*");
            }
            for (String type : used) {
                String otherPkg = type.substring(0, type.lastIndexOf('.'));
                String other = feature(otherPkg);
                boolean boundary = "boundary".equals(layer(otherPkg));
                if (boundary && !other.equals(feature)) {
                    out.add(file + ": no use of another feature's boundary: " + type);
                }
                if (boundary && ("control".equals(layer) || "entity".equals(layer))) {
                    out.add(file + ": " + layer + " must not use a boundary: " + type);
                }
                if (feature != null && other != null && !other.equals(feature) && !other.isEmpty() && !feature.isEmpty()) {
                    edges.computeIfAbsent(feature, k -> new TreeMap<>()).putIfAbsent(other, file);
                }
            }
            Matcher l = LUCENE.matcher(code);
            if (l.find() && !(feature.equals("search") || feature.startsWith("search."))) {
                out.add(file + ": Lucene index/search/store/facet belong to the search feature: " + l.group());
            }
            Matcher a = WEB_API.matcher(code);
            if (a.find() && ("control".equals(layer) || "entity".equals(layer))) {
                out.add(file + ": " + a.group() + " belongs in boundary, not in " + layer);
            }
        }
        out.addAll(cycles(edges));
        return out;
    }

    /** The features of {@code sources}: every package under org.tsunagu without its layer suffix. */
    static SortedSet<String> features(Map<Path, String> sources) {
        SortedSet<String> out = new TreeSet<>();
        for (String text : sources.values()) {
            Matcher pm = PACKAGE.matcher(code(text));
            if (pm.find() && pm.group(1).startsWith(BASE + ".")) {
                out.add(BASE + "." + feature(pm.group(1)));
            }
        }
        return out;
    }

    /** {@code org.tsunagu.alerts.triage.boundary} → {@code alerts.triage}; {@code org.tsunagu} → "". */
    static String feature(String pkg) {
        if (!pkg.startsWith(BASE)) {
            return null;
        }
        String rest = pkg.equals(BASE) ? "" : pkg.substring(BASE.length() + 1);
        String layer = layer(pkg);
        if (layer != null) {
            rest = rest.equals(layer) ? "" : rest.substring(0, rest.length() - layer.length() - 1);
        }
        return rest;
    }

    static String layer(String pkg) {
        String last = pkg.substring(pkg.lastIndexOf('.') + 1);
        return Set.of("boundary", "control", "entity").contains(last) ? last : null;
    }

    /** Strongly connected components of the feature graph (Tarjan), less the allowed edges. */
    private static List<String> cycles(Map<String, Map<String, String>> edges) {
        Map<String, Map<String, String>> graph = new TreeMap<>();
        edges.forEach((from, tos) -> tos.forEach((to, file) -> {
            if (!ALLOWED.containsKey(from + " -> " + to)) {
                graph.computeIfAbsent(from, k -> new TreeMap<>()).put(to, file);
            }
        }));
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<SortedSet<String>> components = new ArrayList<>();
        int[] counter = {0};
        Set<String> nodes = new TreeSet<>(graph.keySet());
        graph.values().forEach(t -> nodes.addAll(t.keySet()));
        for (String n : nodes) {
            if (!index.containsKey(n)) {
                strongConnect(n, graph, index, low, stack, onStack, components, counter);
            }
        }
        List<String> out = new ArrayList<>();
        for (SortedSet<String> c : components) {
            if (c.size() < 2) {
                continue;
            }
            Map<String, String> inside = new LinkedHashMap<>();
            for (String from : c) {
                graph.getOrDefault(from, Map.of()).forEach((to, file) -> {
                    if (c.contains(to)) {
                        inside.put(from + " -> " + to, file);
                    }
                });
            }
            StringBuilder s = new StringBuilder("feature cycle among " + c + ":");
            inside.forEach((edge, file) -> s.append(" ").append(edge).append(" (").append(file).append(");"));
            out.add(s.toString());
        }
        return out;
    }

    private static void strongConnect(String v, Map<String, Map<String, String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<SortedSet<String>> components,
            int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]);
        counter[0]++;
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Map.of()).keySet()) {
            if (!index.containsKey(w)) {
                strongConnect(w, graph, index, low, stack, onStack, components, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            SortedSet<String> c = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                c.add(w);
            } while (!w.equals(v));
            components.add(c);
        }
    }

    /** The source without comments; string, text block and char literals are kept as they are. */
    static String code(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                int stop = end < 0 ? n : end + 3;
                out.append(source, i, stop);
                i = stop;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                int stop = Math.min(n, j + 1);
                out.append(source, i, stop);
                i = stop;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
