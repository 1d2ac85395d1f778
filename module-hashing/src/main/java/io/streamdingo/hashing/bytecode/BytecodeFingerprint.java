package io.streamdingo.hashing.bytecode;

import io.streamdingo.hashing.fingerprint.CodeDigest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

/**
 * The fingerprint of a handler from its bytecode (HS-1 fallback, HS-2): the handler method and every
 * method it reaches in the application's own classes, transitively, each as ASM's text of its instructions
 * read without debug attributes (line numbers, local variable names, source file) or stack map frames, so
 * recompiling or reformatting the source does not change it.
 *
 * <p>The application's own classes are those of the handler's module, or for code on the class path (as in
 * an application server) those from the same jar or folder; JDK and library code is never followed. A
 * static field read from an application class brings in that class's static initializer. Calls through
 * application interfaces cover the interface method, not the implementations, which are not known until
 * run time.
 */
public final class BytecodeFingerprint {

    private final Class<?> root;
    private final Map<String, Optional<ClassNode>> classes = new HashMap<>();
    private final Map<String, Boolean> inScope = new HashMap<>();

    private BytecodeFingerprint(Class<?> root) {
        this.root = root;
    }

    /**
     * The fingerprint of {@code handler} as 64 hex digits.
     *
     * @throws IllegalStateException if the handler's class file cannot be read
     */
    public static String of(Method handler) {
        return new BytecodeFingerprint(handler.getDeclaringClass()).fingerprint(handler);
    }

    private String fingerprint(Method handler) {
        String owner = Type.getInternalName(handler.getDeclaringClass());
        MethodRef start = new MethodRef(owner, handler.getName(), Type.getMethodDescriptor(handler));
        if (classNode(owner).isEmpty()) {
            throw new IllegalStateException("cannot read the class file of "
                    + handler.getDeclaringClass().getName()
                    + " to fingerprint handler " + handler.getName()
                    + "; compile with StreamDingo's annotation processor or keep class files readable");
        }
        // The handler itself is keyed by role, not by class: the same code moved to another class keeps its
        // fingerprint. What it calls is keyed by owner, so helpers with equal bodies stay distinct.
        TreeMap<String, String> texts = new TreeMap<>();
        Set<MethodRef> visited = new HashSet<>();
        Deque<MethodRef> work = new ArrayDeque<>();
        work.push(start);
        while (!work.isEmpty()) {
            MethodRef ref = work.pop();
            if (!visited.add(ref)) {
                continue;
            }
            String key = ref.equals(start) ? CodeDigest.HANDLER : ref.key();
            MethodNode method = resolve(ref);
            if (method == null) {
                texts.put(key, "unresolved");
                continue;
            }
            texts.put(key, text(method));
            for (AbstractInsnNode insn : method.instructions) {
                follow(insn, work);
            }
        }
        return CodeDigest.of(texts);
    }

    private void follow(AbstractInsnNode insn, Deque<MethodRef> work) {
        if (insn instanceof MethodInsnNode call) {
            if (isApplicationClass(call.owner)) {
                work.push(new MethodRef(call.owner, call.name, call.desc));
            }
        } else if (insn instanceof InvokeDynamicInsnNode indy) {
            // Lambdas and method references reach their bodies through bootstrap arguments.
            for (Object argument : indy.bsmArgs) {
                if (argument instanceof Handle handle && isApplicationClass(handle.getOwner())) {
                    work.push(new MethodRef(handle.getOwner(), handle.getName(), handle.getDesc()));
                }
            }
        } else if (insn instanceof FieldInsnNode field
                && field.getOpcode() == Opcodes.GETSTATIC
                && isApplicationClass(field.owner)) {
            work.push(new MethodRef(field.owner, "<clinit>", "()V"));
        }
    }

    /** The method's body in its declaring class, or in the nearest application superclass that declares it. */
    private @Nullable MethodNode resolve(MethodRef ref) {
        String owner = ref.owner();
        while (owner != null && isApplicationClass(owner)) {
            Optional<ClassNode> node = classNode(owner);
            if (node.isEmpty()) {
                return null;
            }
            for (MethodNode method : node.get().methods) {
                if (method.name.equals(ref.name()) && method.desc.equals(ref.descriptor())) {
                    return method;
                }
            }
            owner = node.get().superName;
        }
        return null;
    }

    private static String text(MethodNode method) {
        method.parameters = null; // parameter names (javac -parameters) are debug information too
        Textifier printer = new Textifier();
        method.accept(new TraceMethodVisitor(printer));
        StringWriter out = new StringWriter();
        printer.print(new PrintWriter(out));
        return method.access + " " + method.name + method.desc + "\n" + out;
    }

    private Optional<ClassNode> classNode(String internalName) {
        return classes.computeIfAbsent(internalName, this::read);
    }

    private Optional<ClassNode> read(String internalName) {
        ClassLoader loader = root.getClassLoader();
        String resource = internalName + ".class";
        try (InputStream in = loader != null
                ? loader.getResourceAsStream(resource)
                : ClassLoader.getSystemResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            ClassNode node = new ClassNode();
            new ClassReader(in).accept(node, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return Optional.of(node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class file " + resource, e);
        }
    }

    private boolean isApplicationClass(String internalName) {
        return inScope.computeIfAbsent(internalName, this::sameOrigin);
    }

    private boolean sameOrigin(String internalName) {
        if (internalName.startsWith("java/")
                || internalName.startsWith("javax/")
                || internalName.startsWith("jdk/")
                || internalName.startsWith("sun/")
                || internalName.startsWith("com/sun/")
                || internalName.startsWith("[")) {
            return false;
        }
        Class<?> type;
        try {
            type = Class.forName(internalName.replace('/', '.'), false, root.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        if (root.getModule().isNamed()) {
            return type.getModule() == root.getModule();
        }
        return !type.getModule().isNamed() && Objects.equals(location(type), location(root));
    }

    private static @Nullable URL location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }

    private record MethodRef(String owner, String name, String descriptor) {
        String key() {
            return owner + "." + name + descriptor;
        }
    }
}
