/**
 * The management REST API and the live event feed, served by one servlet under the management root (default
 * {@code /streamdingo/api}): streams, subscriptions and their consumers, dead letters, stream verification.
 * The routing and the resources are plain classes over the api's interfaces; the servlet only adapts HTTP.
 * Nothing here is exported: applications deploy the jar and call the API over HTTP.
 */
@NullMarked
package io.streamdingo.management.http;

import org.jspecify.annotations.NullMarked;
