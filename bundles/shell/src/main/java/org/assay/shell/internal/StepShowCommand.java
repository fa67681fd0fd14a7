package org.assay.shell.internal;

import org.assay.api.step.ParameterSpec;
import org.assay.api.step.PortKind;
import org.assay.api.step.PortSpec;
import org.assay.api.step.ReadMode;
import org.assay.api.step.StepDescriptor;
import org.assay.engine.StepCatalog;
import org.assay.engine.StepTypeInfo;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "assay", name = "step-show", description = "Documents a step type: what it does, its ports and every parameter.")
@Service
public class StepShowCommand implements Action {

    @Reference
    private StepCatalog catalog;

    @Argument(index = 0, name = "type", required = true, description = "Step type id, see assay:step-list")
    @Completion(StepTypeCompleter.class)
    private String type;

    @Override
    public Object execute() {
        StepTypeInfo info = catalog.get(type).orElseThrow(() -> new IllegalArgumentException(
                "no step type '" + type + "' is installed; see assay:step-list"));
        StepDescriptor d = info.descriptor();
        System.out.println(d.title() + " (" + d.typeId() + " " + info.version() + ", " + d.category().jsonName()
                + ", from " + info.bundleSymbolicName() + " " + info.bundleVersion() + ")");
        System.out.println();
        System.out.println(d.description());
        if (!d.tags().isEmpty()) {
            System.out.println("Tags: " + String.join(", ", d.tags()));
        }
        System.out.println();
        ports("Inputs", d.inputs(), true);
        ports("Outputs", d.outputs(), false);
        if (d.parameters().isEmpty()) {
            System.out.println("No parameters.");
            return null;
        }
        parameters(d).print(System.out);
        return null;
    }

    /** One row per parameter; descriptions wrapped by {@link Format#wrap} so no letter is lost. */
    static ShellTable parameters(StepDescriptor d) {
        ShellTable t = new ShellTable();
        t.column("Parameter");
        t.column("Type");
        t.column("Required");
        t.column("Default");
        t.column("Description");
        for (ParameterSpec p : d.parameters()) {
            String typeText = p.type().jsonName() + (p.allowedValues().isEmpty() ? "" : " " + p.allowedValues())
                    + (p.minimum() != null ? " >= " + trim(p.minimum()) : "")
                    + (p.maximum() != null ? " <= " + trim(p.maximum()) : "");
            t.addRow().addContent(p.name(), typeText, p.required() ? "yes" : "no",
                    p.defaultValue() == null ? "" : String.valueOf(p.defaultValue()), Format.wrap(p.description(), 70));
        }
        return t;
    }

    private static void ports(String title, java.util.List<PortSpec> ports, boolean inputs) {
        if (ports.isEmpty()) {
            return;
        }
        System.out.println(title + ":");
        for (PortSpec p : ports) {
            System.out.println(port(p, inputs));
        }
    }

    /**
     * "  in (dataset, read once): ...": what travels on the port and, for a dataset input,
     * whether the step reads it once (it can stream) or several times (it is kept on disk).
     */
    static String port(PortSpec p, boolean input) {
        String traits = p.kind().jsonName();
        if (input && p.kind() == PortKind.DATASET) {
            traits += p.reads() == ReadMode.ONCE ? ", read once" : ", read several times";
        }
        if (input && p.optional()) {
            traits += ", optional";
        }
        return "  " + p.name() + " (" + traits + "): " + p.description();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
