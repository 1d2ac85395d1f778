package io.streamdingo.demo.bank;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The bank's REST API under {@code /api}. */
@ApplicationPath("api")
public class BankApplication extends Application {}
