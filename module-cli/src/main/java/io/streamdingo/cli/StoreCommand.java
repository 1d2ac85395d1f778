package io.streamdingo.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command pointed at a store shares: the connection options and where it prints. */
abstract class StoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store = new StoreOptions();

    /** The store's address from the options and this process's environment. */
    StoreAddress address() {
        return store.address(System.getenv());
    }

    /** Where results go: standard output, or the writer a caller gave picocli. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Where progress and errors go. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
