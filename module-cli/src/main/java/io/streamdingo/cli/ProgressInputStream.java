package io.streamdingo.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An input stream that tells a {@link Progress} how many bytes were read through it. */
final class ProgressInputStream extends FilterInputStream {

    private final Progress progress;

    ProgressInputStream(InputStream in, Progress progress) {
        super(in);
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int value = super.read();
        if (value >= 0) {
            progress.advance(1);
        }
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            progress.advance(read);
        }
        return read;
    }
}
