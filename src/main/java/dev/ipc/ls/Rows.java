// What one listing read: its objects, typed, with how to give each column's value of one to a cell sink.
package dev.ipc.ls;

import dev.ipc.render.Table;

import java.io.IOException;
import java.util.List;

/**
 * A queue, a POSIX object and a limits row are written by different code; the listing that read them says which,
 * once, so that no cell has to find out from an Object. Writers and markers are plain classes, not lambdas: linking
 * a lambda costs ls milliseconds of start-up.
 */
record Rows<T>(List<T> objects, CellWriter<? super T> cells, Marker<? super T> marker) {
    /** Gives the column's value of the object to the sink. */
    interface CellWriter<T> {
        void write(Column column, T object, ColumnValues.Sink sink) throws IOException;
    }

    /** What a person should notice in a row of the aligned table. */
    interface Marker<T> {
        Table.Level level(T object);
    }

    /** Every row as it is. */
    static final Marker<Object> NORMAL = new Marker<>() {
        @Override
        public Table.Level level(Object object) {
            return Table.Level.NORMAL;
        }
    };

    static <T> Rows<T> plain(List<T> objects, CellWriter<? super T> cells) {
        return new Rows<>(objects, cells, NORMAL);
    }
}
