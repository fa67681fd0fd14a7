package org.assay.transforms.internal.expr;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import org.apache.commons.jexl3.introspection.JexlPermissions;

/**
 * Deny-all permissions: JEXL's introspection may reach the public static methods of
 * {@link ExprFunctions} and nothing else, no constructor, field, class or package. The AST
 * check in {@link ExpressionCompiler} already refuses method calls and property access; this is
 * the second wall, should a construct slip past the first.
 */
final class SandboxPermissions implements JexlPermissions {

    static final SandboxPermissions INSTANCE = new SandboxPermissions();

    private SandboxPermissions() {
    }

    @Override
    public boolean allow(Package pack) {
        return pack != null && pack.getName().equals(ExprFunctions.class.getPackageName());
    }

    @Override
    public boolean allow(Class<?> clazz) {
        return clazz == ExprFunctions.class;
    }

    @Override
    public boolean allow(Constructor<?> ctor) {
        return false;
    }

    @Override
    public boolean allow(Field field) {
        return false;
    }

    @Override
    public boolean allow(Method method) {
        return method != null && method.getDeclaringClass() == ExprFunctions.class
                && java.lang.reflect.Modifier.isStatic(method.getModifiers());
    }

    @Override
    public JexlPermissions compose(String... src) {
        return this;
    }
}
