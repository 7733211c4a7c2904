package dev.whitelabel.bootstrap;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/** A DataSource that records every SQL statement executed through it, as the database receives them. */
final class CountingDataSource {

    private final List<String> executed = new CopyOnWriteArrayList<>();

    DataSource wrap(DataSource target) {
        return proxy(
                DataSource.class,
                target,
                (method, args, result) -> result instanceof Connection connection
                        ? proxy(Connection.class, connection, this::statements)
                        : result);
    }

    void reset() {
        executed.clear();
    }

    List<String> statements() {
        return List.copyOf(executed);
    }

    long writes() {
        return executed.stream()
                .map(sql -> sql.strip().toLowerCase(Locale.ROOT))
                .filter(sql -> sql.startsWith("insert") || sql.startsWith("update") || sql.startsWith("delete"))
                .count();
    }

    private Object statements(Method method, Object[] args, Object result) {
        if (result instanceof Statement statement && args != null && args.length > 0 && args[0] instanceof String sql) {
            return proxy(statementType(statement), statement, (m, a, r) -> {
                if (m.getName().startsWith("execute")) {
                    executed.add(sql);
                }
                return r;
            });
        }
        return result;
    }

    private static Class<?> statementType(Statement statement) {
        return statement instanceof CallableStatement
                ? CallableStatement.class
                : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
    }

    private interface AfterCall {
        Object apply(Method method, Object[] args, Object result);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<?> type, Object target, AfterCall after) {
        InvocationHandler handler = (self, method, args) -> {
            try {
                return after.apply(method, args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
