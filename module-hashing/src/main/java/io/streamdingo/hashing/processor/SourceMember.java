package io.streamdingo.hashing.processor;

import java.util.Set;

/**
 * A method or field of the code being compiled, as the fingerprint sees it: its normalised source (javac's
 * own printing of the attributed tree: no comments, canonical whitespace) and the members it uses.
 */
record SourceMember(String text, Set<String> uses) {}
