package io.streamdingo.hashing.processor;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.streamdingo.hashing.fingerprint.CodeDigest;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;
import org.jspecify.annotations.Nullable;

/**
 * Computes the fingerprint of every {@code @EventHandler} and {@code @InitialState} method from its
 * normalised source and the normalised source of every method and field of the same compilation it uses,
 * transitively (HS-1, HS-2), and writes them to {@code META-INF/streamdingo/fingerprints/<class>.properties}
 * for {@code HandlerFingerprints} to read at run time.
 *
 * <p>Normalised source is javac's printing of the attributed syntax tree: comments, blank lines and
 * indentation are gone, every expression is kept. Method bodies are only attributed after annotation
 * processing, so the processor collects handlers during its rounds and reads the code when javac has
 * analysed each class, writing its output when the compilation ends. Code from other compilations (the JDK,
 * libraries, separately compiled modules) is not followed. With a compiler other than javac the processor
 * does nothing and the run-time bytecode fingerprint takes over.
 */
@SupportedAnnotationTypes({"io.streamdingo.api.replay.EventHandler", "io.streamdingo.api.replay.InitialState"})
public final class HandlerFingerprintProcessor extends AbstractProcessor {

    private static final String RESOURCE_DIRECTORY = "META-INF/streamdingo/fingerprints/";

    private @Nullable Trees trees;
    private @Nullable MemberKeys keys;
    private final Map<String, SourceMember> members = new HashMap<>();
    /** handler class → (method key → member key). */
    private final Map<String, Map<String, String>> handlers = new TreeMap<>();
    /** handler class → the elements its output is generated from. */
    private final Map<String, List<Element>> origins = new HashMap<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        keys = new MemberKeys(environment.getElementUtils(), environment.getTypeUtils());
        try {
            JavacTask task = JavacTask.instance(environment);
            trees = Trees.instance(environment);
            task.addTaskListener(new Listener());
        } catch (IllegalArgumentException | IllegalStateException e) {
            environment
                    .getMessager()
                    .printMessage(
                            Diagnostic.Kind.NOTE,
                            "StreamDingo handler fingerprints need javac; they will be computed from bytecode at run time");
        }
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (trees == null || keys == null) {
            return false;
        }
        for (TypeElement annotation : annotations) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                if (element instanceof ExecutableElement method
                        && method.getEnclosingElement() instanceof TypeElement owner) {
                    String className = keys.binaryName(owner);
                    String memberKey = keys.memberKey(method);
                    if (memberKey != null) {
                        handlers.computeIfAbsent(className, c -> new TreeMap<>())
                                .put(keys.methodKey(method), memberKey);
                        origins.computeIfAbsent(className, c -> new ArrayList<>())
                                .add(owner);
                    }
                }
            }
        }
        return false; // other processors may want the annotations too
    }

    private final class Listener implements TaskListener {
        @Override
        public void finished(TaskEvent event) {
            if (event.getKind() == TaskEvent.Kind.ANALYZE && event.getTypeElement() != null) {
                readClass(event.getTypeElement());
            } else if (event.getKind() == TaskEvent.Kind.COMPILATION) {
                writeFingerprints();
            }
        }
    }

    /** Records the normalised source and the uses of every method and field of an analysed class. */
    private void readClass(TypeElement type) {
        TreePath path = trees.getPath(type);
        if (path == null) {
            return;
        }
        new MemberReader(trees, keys, members).scan(path, null);
    }

    private void writeFingerprints() {
        for (Map.Entry<String, Map<String, String>> handlerClass : handlers.entrySet()) {
            StringBuilder out = new StringBuilder("# StreamDingo handler fingerprints (generated)\n");
            for (Map.Entry<String, String> handler : handlerClass.getValue().entrySet()) {
                String fingerprint = fingerprint(handler.getValue());
                if (fingerprint != null) {
                    out.append(handler.getKey()).append('=').append(fingerprint).append('\n');
                }
            }
            write(handlerClass.getKey(), out.toString());
        }
        handlers.clear();
    }

    private @Nullable String fingerprint(String handlerKey) {
        if (!members.containsKey(handlerKey)) {
            return null; // not analysed (a compile error): the run-time fallback will do
        }
        // Keyed like the bytecode fallback: the handler by role, what it uses by owner and name.
        TreeMap<String, String> texts = new TreeMap<>();
        Set<String> visited = new HashSet<>();
        Deque<String> work = new ArrayDeque<>();
        work.push(handlerKey);
        while (!work.isEmpty()) {
            String key = work.pop();
            SourceMember member = members.get(key);
            if (member == null || !visited.add(key)) {
                continue;
            }
            texts.put(key.equals(handlerKey) ? CodeDigest.HANDLER : key, member.text());
            member.uses().forEach(work::push);
        }
        return CodeDigest.of(texts);
    }

    private void write(String className, String content) {
        try {
            FileObject file = processingEnv
                    .getFiler()
                    .createResource(
                            StandardLocation.CLASS_OUTPUT,
                            "",
                            RESOURCE_DIRECTORY + className + ".properties",
                            origins.getOrDefault(className, List.of()).toArray(Element[]::new));
            try (Writer writer = file.openWriter()) {
                writer.write(content);
            }
        } catch (IOException | RuntimeException e) {
            processingEnv
                    .getMessager()
                    .printMessage(
                            Diagnostic.Kind.WARNING,
                            "cannot write the handler fingerprints of " + className + " (" + e
                                    + "); they will be computed from bytecode at run time");
        }
    }
}
