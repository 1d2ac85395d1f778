package io.streamdingo.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.EventType;
import io.streamdingo.hashing.processor.EventTypeIndexProcessor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

class EventTypeIndexProcessorTest {

    private static final String PLACED =
            """
            package shop;
            @io.streamdingo.api.EventType(name = "shop.OrderPlaced")
            public record OrderPlaced(String order) {}
            """;
    private static final String EVENTS =
            """
            package shop;
            public final class Events {
                @io.streamdingo.api.EventType(name = "shop.Shipped", version = 2)
                public static final class Shipped {}
                public record NotAnEvent(String order) {}
                @io.streamdingo.api.EventType(name = "shop.Abstract")
                public abstract static class Abstract {}
            }
            """;

    private Path classes;
    private final List<Diagnostic<? extends JavaFileObject>> diagnostics = new ArrayList<>();

    private List<String> compile(Map<String, String> sources) throws IOException, URISyntaxException {
        Path root = Files.createTempDirectory("streamdingo-index");
        if (classes == null) {
            classes = Files.createDirectories(root.resolve("classes"));
        }
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = root.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        String api = Path.of(EventType.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(collector, null, null)) {
            JavaCompiler.CompilationTask task = javac.getTask(
                    null,
                    fileManager,
                    collector,
                    List.of("-d", classes.toString(), "-classpath", api, "--release", "17"),
                    null,
                    fileManager.getJavaFileObjectsFromPaths(files));
            task.setProcessors(List.of(new EventTypeIndexProcessor()));
            assertThat(task.call())
                    .as("compiles: %s", collector.getDiagnostics())
                    .isTrue();
        }
        diagnostics.addAll(collector.getDiagnostics());
        return Files.readAllLines(classes.resolve(EventTypeIndexProcessor.INDEX)).stream()
                .filter(line -> !line.startsWith("#"))
                .toList();
    }

    @Test
    void theIndexListsEveryConcreteAnnotatedClassByItsBinaryName() throws Exception {
        List<String> index = compile(Map.of("shop/OrderPlaced.java", PLACED, "shop/Events.java", EVENTS));

        assertThat(index).containsExactly("shop.Events$Shipped", "shop.OrderPlaced");
    }

    @Test
    void anAnnotatedAbstractClassIsLeftOutWithAWarningNamingIt() throws Exception {
        compile(Map.of("shop/Events.java", EVENTS));

        assertThat(diagnostics)
                .anySatisfy(d -> assertThat(d.getKind()).isEqualTo(Diagnostic.Kind.WARNING))
                .anySatisfy(d -> assertThat(d.getMessage(null)).contains("shop.Events.Abstract"));
    }

    @Test
    void aLaterCompilationOfSomeClassesIntoTheSameFolderKeepsTheOthers() throws Exception {
        compile(Map.of("shop/OrderPlaced.java", PLACED, "shop/Events.java", EVENTS));

        List<String> index = compile(Map.of("shop/OrderPlaced.java", PLACED));

        assertThat(index).containsExactly("shop.Events$Shipped", "shop.OrderPlaced");
    }
}
