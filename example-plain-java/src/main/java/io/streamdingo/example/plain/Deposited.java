package io.streamdingo.example.plain;

import io.streamdingo.api.EventType;

/** Money paid into an account: an event type found through the compile-time index. */
@EventType(name = "example.Deposited")
public record Deposited(long cents) {}
