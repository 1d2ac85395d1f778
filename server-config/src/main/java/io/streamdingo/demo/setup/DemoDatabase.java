package io.streamdingo.demo.setup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the PostgreSQL database the demo keeps its events in, unless it exists: run by the
 * {@code -Pdemo,postgresql} build before the server starts, so the demo never writes into a database that
 * tests or other applications use.
 *
 * <p>Arguments: the server's JDBC URL without a database ({@code jdbc:postgresql://127.0.0.1:5432/}), the
 * database name, the user (password from {@code PGPASSWORD}, empty if unset). The name is checked against
 * {@code [a-z_][a-z0-9_]*}, since {@code CREATE DATABASE} takes no parameters.
 */
public final class DemoDatabase {

    private DemoDatabase() {}

    public static void main(String[] args) throws SQLException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: DemoDatabase <jdbc:postgresql://host:port/> <database> <user>");
        }
        String server = args[0];
        String database = args[1];
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException(
                    "database name '" + database + "' must be lower-case letters, digits and underscores");
        }
        String password = System.getenv().getOrDefault("PGPASSWORD", "");
        try (Connection connection = DriverManager.getConnection(server + "postgres", args[2], password)) {
            if (exists(connection, database)) {
                System.out.println("demo database " + database + " is there");
                return;
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
            System.out.println("created the demo database " + database);
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }
}
