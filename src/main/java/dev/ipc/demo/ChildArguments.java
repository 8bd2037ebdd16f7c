// A demo child's record on a command line and back: its class name, then each component as text.
package dev.ipc.demo;

import dev.ipc.cli.SelfCommand;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Components may be int, long, double, boolean, String, Path or an enum, never null: all a child needs, and each
 * read back exactly as written.
 */
public final class ChildArguments {
    /** The main class of every child: in the root package, which nothing imports. */
    private static final String MAIN = "dev.ipc.DemoChildMain";

    private ChildArguments() {
    }

    /** The command line that runs child in a JVM of its own. */
    public static List<String> command(DemoChild child) {
        return SelfCommand.ofMain(MAIN, of(child).toArray(String[]::new));
    }

    /** The arguments that make the same record again in the child. */
    public static List<String> of(DemoChild child) {
        Record record = (Record) child;
        List<String> args = new ArrayList<>();
        args.add(record.getClass().getName());
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true); // the record may be package-private
                Object value = accessor.invoke(record);
                if (value == null) {
                    throw new IllegalArgumentException(component.getName() + " of " + record + " is null");
                }
                args.add(value instanceof Enum<?> e ? e.name() : value.toString());
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + record, e);
            }
        }
        return args;
    }

    /** The record the arguments describe. */
    public static DemoChild parse(String... args) throws ReflectiveOperationException {
        Class<?> type = Class.forName(args[0]);
        if (!type.isRecord() || !DemoChild.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(args[0] + " is not a demo's child");
        }
        RecordComponent[] components = type.getRecordComponents();
        if (args.length != components.length + 1) {
            throw new IllegalArgumentException(args[0] + " takes " + components.length + " arguments, not "
                    + (args.length - 1));
        }
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(types[i], args[i + 1]);
        }
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        canonical.setAccessible(true);
        return (DemoChild) canonical.newInstance(values);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(Class<?> type, String text) {
        if (type == int.class) {
            return Integer.parseInt(text);
        } else if (type == long.class) {
            return Long.parseLong(text);
        } else if (type == double.class) {
            return Double.parseDouble(text);
        } else if (type == boolean.class) {
            return Boolean.parseBoolean(text);
        } else if (type == String.class) {
            return text;
        } else if (type == Path.class) {
            return Path.of(text);
        } else if (type.isEnum()) {
            return Enum.valueOf((Class<Enum>) type, text);
        }
        throw new IllegalArgumentException("a demo child's component cannot be a " + type.getName());
    }
}
