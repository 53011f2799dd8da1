package dev.chorus.naming;

/** What a client is called when it asked for no name, and what the server is called when it speaks itself. */
public final class ClientName {

    /** The name of what the server says (the publish API); no client can ask for it. */
    public static final String SERVER = "server";

    /** The "client id" of what the server says: client ids start at 1. */
    public static final long SERVER_ID = 0;

    private ClientName() {}

    /** Whether {@code name} is the one client {@code id} has when it asked for none (so it need not be written). */
    public static boolean isDefault(long id, String name) {
        return name.equals(of(id));
    }

    /** The tutorial's name for client {@code id}: {@code Client(3)}. */
    public static String of(long id) {
        return "Client(" + id + ")";
    }
}
