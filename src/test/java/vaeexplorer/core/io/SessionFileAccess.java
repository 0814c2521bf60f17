package vaeexplorer.core.io;

import vaeexplorer.core.train.TrainerState;

/** Lets tests of other packages make the trainer section of a session file (for hostile files). */
public final class SessionFileAccess {
    private SessionFileAccess() {}

    public static byte[] trainerBytes(TrainerState s) {
        return SessionFile.trainerBytes(s);
    }
}
