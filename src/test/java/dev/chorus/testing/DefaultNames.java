package dev.chorus.testing;

import dev.chorus.naming.ClientName;
import java.util.LinkedHashMap;
import java.util.Map;

/** Members as a welcome lists them when nobody chose a name: each id with its {@code Client(N)}, in join order. */
public final class DefaultNames {

    private DefaultNames() {}

    public static Map<Long, String> of(Long... ids) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (Long id : ids) {
            names.put(id, ClientName.of(id));
        }
        return names;
    }
}
