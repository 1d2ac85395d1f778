package io.streamdingo.api;

import java.util.regex.Pattern;

/**
 * The address of an event stream: a category (the aggregate type, e.g. {@code account}) and an id within
 * it (e.g. {@code 42}).
 *
 * <p>Both parts are validated on construction so that a stream id can be stored, logged, used in a JMS
 * destination name or put in a URL without escaping surprises:
 *
 * <ul>
 *   <li>the category starts with a letter and holds only ASCII letters, digits and {@code _}, at most
 *       {@value #MAX_CATEGORY_LENGTH} characters;
 *   <li>the id is 1 to {@value #MAX_ID_LENGTH} characters, has no control or line-break characters and no
 *       leading or trailing white space.
 * </ul>
 *
 * <p>The text form is {@code category-id} (for example {@code account-42}); {@link #parse(String)} splits
 * it at the first {@code -}, which cannot occur in a category.
 *
 * @param category the aggregate type the stream belongs to
 * @param id the id of the stream within its category
 */
public record StreamId(String category, String id) implements Comparable<StreamId> {

    /** Longest category accepted. */
    public static final int MAX_CATEGORY_LENGTH = 100;

    /** Longest id accepted, in UTF-16 characters. */
    public static final int MAX_ID_LENGTH = 200;

    private static final Pattern CATEGORY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /**
     * @throws IllegalArgumentException if a part is null, blank, too long or holds forbidden characters; the
     *     message names the part and the rule
     */
    public StreamId {
        category = requireValidCategory(category);
        id = requireValidId(id);
    }

    /** Creates a stream id; see the class description for the rules each part must follow. */
    public static StreamId of(String category, String id) {
        return new StreamId(category, id);
    }

    /**
     * Parses the text form {@code category-id}.
     *
     * @throws IllegalArgumentException if the text has no {@code -} or a part breaks the rules
     */
    public static StreamId parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("stream id text must not be null; expected 'category-id'");
        }
        int dash = text.indexOf('-');
        if (dash < 0) {
            throw new IllegalArgumentException(
                    "stream id '" + printable(text) + "' has no '-'; expected 'category-id', e.g. 'account-42'");
        }
        return new StreamId(text.substring(0, dash), text.substring(dash + 1));
    }

    /** The text form {@code category-id}, the inverse of {@link #parse(String)}. */
    @Override
    public String toString() {
        return category + "-" + id;
    }

    @Override
    public int compareTo(StreamId other) {
        int byCategory = category.compareTo(other.category);
        return byCategory != 0 ? byCategory : id.compareTo(other.id);
    }

    /**
     * Checks a category name on its own (used for listing a category's streams).
     *
     * @return the category, unchanged
     * @throws IllegalArgumentException if it breaks the category rules
     */
    public static String requireValidCategory(String category) {
        if (category == null || category.isBlank()) {
            throw new IllegalArgumentException("stream category must not be null or blank; use e.g. 'account'");
        }
        if (category.length() > MAX_CATEGORY_LENGTH) {
            throw new IllegalArgumentException("stream category is " + category.length()
                    + " characters long; the limit is " + MAX_CATEGORY_LENGTH);
        }
        if (!CATEGORY.matcher(category).matches()) {
            throw new IllegalArgumentException("stream category '" + printable(category)
                    + "' is invalid: it must start with a letter and hold only letters, digits and '_'");
        }
        return category;
    }

    private static String requireValidId(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("stream id must not be null or empty");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(
                    "stream id is " + id.length() + " characters long; the limit is " + MAX_ID_LENGTH);
        }
        if (id.isBlank() || !id.strip().equals(id)) {
            throw new IllegalArgumentException(
                    "stream id '" + printable(id) + "' must not be blank or start or end with white space");
        }
        if (id.codePoints().anyMatch(StreamId::isForbidden)) {
            throw new IllegalArgumentException("stream id '" + printable(id)
                    + "' holds a control or line-break character; use printable characters only");
        }
        return id;
    }

    private static boolean isForbidden(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint)
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.FORMAT
                || type == Character.SURROGATE
                || type == Character.UNASSIGNED;
    }

    /** Makes a rejected value safe to put in a message: control characters escaped, long values cut. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(60).forEach(cp -> {
            if (isForbidden(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        if (value.codePointCount(0, value.length()) > 60) {
            out.append("…");
        }
        return out.toString();
    }
}
