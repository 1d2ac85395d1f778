package io.streamdingo.hashing.processor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the event-type index: the binary names of the compilation's classes annotated
 * {@code @EventType}, one per line, to {@value #INDEX}, which the engine reads at start-up to register them
 * without a line of code. An index left by an earlier compilation of the same output folder is merged in, so
 * an incremental build that recompiles some classes keeps the others; the engine skips names whose class is
 * gone or no longer annotated. Abstract classes and interfaces cannot be event types and are reported.
 */
@SupportedAnnotationTypes(EventTypeIndexProcessor.ANNOTATION)
public final class EventTypeIndexProcessor extends AbstractProcessor {

    /** Where the index is written, inside the compilation's class output (and so the jar). */
    public static final String INDEX = "META-INF/streamdingo/event-types";

    static final String ANNOTATION = "io.streamdingo.api.EventType";

    private final Set<String> types = new TreeSet<>();
    private final List<Element> origins = new ArrayList<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                collect(element);
            }
        }
        if (round.processingOver() && !types.isEmpty()) {
            write();
        }
        return false; // the annotation is the application's, other processors may want it too
    }

    private void collect(Element element) {
        boolean concrete = (element.getKind() == ElementKind.CLASS || element.getKind() == ElementKind.RECORD)
                && !element.getModifiers().contains(Modifier.ABSTRACT);
        if (!concrete) {
            processingEnv
                    .getMessager()
                    .printMessage(
                            Diagnostic.Kind.WARNING,
                            "@EventType on " + element + ", which is not a concrete class: it is not indexed, and"
                                    + " registering it fails; put the annotation on the class whose instances are"
                                    + " appended",
                            element);
            return;
        }
        types.add(processingEnv
                .getElementUtils()
                .getBinaryName((TypeElement) element)
                .toString());
        origins.add(element);
    }

    private void write() {
        Set<String> all = new TreeSet<>(types);
        all.addAll(earlierIndex());
        try {
            FileObject index = processingEnv
                    .getFiler()
                    .createResource(StandardLocation.CLASS_OUTPUT, "", INDEX, origins.toArray(Element[]::new));
            try (Writer out = index.openWriter()) {
                out.write("# event types found by StreamDingo's processor when this module was compiled\n");
                for (String type : all) {
                    out.write(type);
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            processingEnv
                    .getMessager()
                    .printMessage(
                            Diagnostic.Kind.ERROR,
                            "could not write the event-type index " + INDEX + ": " + e.getMessage());
        }
    }

    /** The names an earlier compilation into the same folder indexed; none if there is no such index. */
    private Set<String> earlierIndex() {
        Set<String> earlier = new TreeSet<>();
        try {
            FileObject existing = processingEnv.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", INDEX);
            try (BufferedReader in = new BufferedReader(existing.openReader(true))) {
                in.lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .forEach(earlier::add);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException none) {
            // a first compilation: nothing to merge
        }
        return earlier;
    }
}
