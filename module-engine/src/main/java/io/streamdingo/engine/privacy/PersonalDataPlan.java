package io.streamdingo.engine.privacy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.streamdingo.api.privacy.DataSubject;
import io.streamdingo.api.privacy.PersonalData;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where an event type keeps personal data: the JSON paths of its {@link PersonalData} fields, in the event and in
 * records nested in it (through collections, arrays and map values: a {@code *} step), and where its
 * {@link DataSubject} is. Computed once per class; a type without the annotations has the empty plan and costs
 * nothing.
 *
 * @param personal the paths to encrypt, each a list of steps: a property name or {@code *} (every element)
 * @param subjectField the top-level property holding the subject id, or null
 * @param subjectMetadata the metadata entry holding it ({@code userId}, {@code tenantId}, {@code correlationId}
 *     or a header name), or null
 */
public record PersonalDataPlan(
        List<List<String>> personal, @Nullable String subjectField, @Nullable String subjectMetadata) {

    private static final int MAX_DEPTH = 8;
    private static final PersonalDataPlan NONE = new PersonalDataPlan(List.of(), null, null);
    private static final ClassValue<PersonalDataPlan> PLANS = new ClassValue<>() {
        @Override
        protected PersonalDataPlan computeValue(Class<?> type) {
            return build(type);
        }
    };

    /**
     * The plan of {@code type}.
     *
     * @throws IllegalArgumentException naming the type and the rule if its annotations are wrong: personal data
     *     without a subject, two subjects, a primitive personal field, a subject that is itself personal data
     */
    public static PersonalDataPlan of(Class<?> type) {
        return PLANS.get(type);
    }

    /** True if the type holds personal data. */
    public boolean protects() {
        return !personal.isEmpty();
    }

    /** A path as text: {@code address.street}, {@code contacts[*].email}. */
    public static String describe(List<String> path) {
        StringBuilder text = new StringBuilder();
        for (String step : path) {
            if (step.equals("*")) {
                text.append("[*]");
            } else {
                text.append(text.length() == 0 ? "" : ".").append(step);
            }
        }
        return text.toString();
    }

    private static PersonalDataPlan build(Class<?> type) {
        List<List<String>> personal = new ArrayList<>();
        collect(type, new ArrayList<>(), personal, 0);
        String field = null;
        for (Member member : members(type)) {
            if (member.element().isAnnotationPresent(DataSubject.class)) {
                if (field != null) {
                    throw invalid(type, "has two @DataSubject fields, " + field + " and " + member.name());
                }
                if (member.element().isAnnotationPresent(PersonalData.class)) {
                    throw invalid(
                            type,
                            "marks its @DataSubject field " + member.name() + " as @PersonalData too:"
                                    + " the subject id stays in clear, it says whose key to use");
                }
                field = member.name();
            }
        }
        DataSubject onType = type.getAnnotation(DataSubject.class);
        String metadata = onType == null || onType.metadata().isBlank() ? null : onType.metadata();
        if (onType != null && metadata == null) {
            throw invalid(
                    type,
                    "has @DataSubject on the type without naming a metadata entry: write"
                            + " @DataSubject(metadata = \"userId\"), or put @DataSubject on a field");
        }
        if (field != null && metadata != null) {
            throw invalid(type, "names its data subject twice: field " + field + " and metadata " + metadata);
        }
        if (personal.isEmpty()) {
            return field == null && metadata == null ? NONE : new PersonalDataPlan(List.of(), field, metadata);
        }
        if (field == null && metadata == null) {
            throw invalid(
                    type,
                    "has @PersonalData fields (" + describe(personal.get(0))
                            + " …) but no @DataSubject: mark the field holding the subject's id, or the type with"
                            + " @DataSubject(metadata = …)");
        }
        return new PersonalDataPlan(List.copyOf(personal), field, metadata);
    }

    private static void collect(Class<?> type, List<String> prefix, List<List<String>> into, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (Member member : members(type)) {
            List<String> path = new ArrayList<>(prefix);
            path.add(member.name());
            if (member.element().isAnnotationPresent(PersonalData.class)) {
                if (member.type() instanceof Class<?> raw && raw.isPrimitive()) {
                    throw invalid(
                            type,
                            "marks the primitive " + member.name() + " as @PersonalData: a redacted"
                                    + " value reads as null, so use a reference type (Integer for int …)");
                }
                into.add(List.copyOf(path));
                continue;
            }
            descend(member.type(), path, into, depth);
        }
    }

    /** Looks for personal data inside a member's type: a nested application type, or the elements of a container. */
    private static void descend(Type type, List<String> path, List<List<String>> into, int depth) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw) || Optional.class.equals(raw)) {
                descend(arguments[0], step(path, raw), into, depth + 1);
            } else if (Map.class.isAssignableFrom(raw)) {
                descend(arguments[1], step(path, raw), into, depth + 1);
            }
            return;
        }
        if (type instanceof Class<?> raw) {
            if (raw.isArray()) {
                descend(raw.getComponentType(), step(path, raw), into, depth + 1);
            } else if (isApplicationType(raw)) {
                collect(raw, path, into, depth + 1);
            }
        }
    }

    /** Into the elements of a container: {@code *}; an {@code Optional} is its value, not a container in JSON. */
    private static List<String> step(List<String> path, Class<?> container) {
        if (Optional.class.equals(container)) {
            return path;
        }
        List<String> next = new ArrayList<>(path);
        next.add("*");
        return next;
    }

    private static boolean isApplicationType(Class<?> type) {
        return !type.isPrimitive()
                && !type.isEnum()
                && !type.getName().startsWith("java.")
                && !type.getName().startsWith("javax.")
                && !type.getName().startsWith("jakarta.");
    }

    /** A property: its JSON name, its declared type and where its annotations are. */
    private record Member(String name, Type type, AnnotatedElement element) {}

    private static List<Member> members(Class<?> type) {
        List<Member> members = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                members.add(
                        new Member(jsonName(component, component.getName()), component.getGenericType(), component));
            }
            return members;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
                    members.add(new Member(jsonName(field, field.getName()), field.getGenericType(), field));
                }
            }
        }
        return members;
    }

    private static String jsonName(AnnotatedElement element, String javaName) {
        JsonProperty property = element.getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : javaName;
    }

    private static IllegalArgumentException invalid(Class<?> type, String problem) {
        return new IllegalArgumentException("event type " + type.getName() + " " + problem);
    }
}
