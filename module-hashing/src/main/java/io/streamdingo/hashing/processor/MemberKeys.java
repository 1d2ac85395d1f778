package io.streamdingo.hashing.processor;

import java.util.StringJoiner;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/**
 * Names members the way the run-time lookup does ({@code HandlerFingerprints.key}): binary class names,
 * erased parameter types, arrays with {@code []}.
 */
final class MemberKeys {

    private final Elements elements;
    private final Types types;

    MemberKeys(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /** {@code name(types…)} of a method, as the processor's output keys it. */
    String methodKey(ExecutableElement method) {
        StringJoiner parameters = new StringJoiner(",", method.getSimpleName() + "(", ")");
        for (VariableElement parameter : method.getParameters()) {
            parameters.add(typeName(types.erasure(parameter.asType())));
        }
        return parameters.toString();
    }

    /** A key for any method or field, unique in the compilation; null for other elements. */
    @Nullable
    String memberKey(Element element) {
        Element owner = element.getEnclosingElement();
        if (!(owner instanceof TypeElement type)) {
            return null;
        }
        String prefix = binaryName(type) + "#";
        if (element instanceof ExecutableElement method) {
            return prefix + methodKey(method);
        }
        if (element instanceof VariableElement field && (field.getKind().isField())) {
            return prefix + field.getSimpleName();
        }
        return null;
    }

    String binaryName(TypeElement type) {
        return elements.getBinaryName(type).toString();
    }

    private String typeName(TypeMirror type) {
        if (type.getKind() == TypeKind.ARRAY) {
            return typeName(((ArrayType) type).getComponentType()) + "[]";
        }
        if (type.getKind() == TypeKind.DECLARED) {
            return binaryName((TypeElement) ((DeclaredType) type).asElement());
        }
        return type.toString();
    }
}
