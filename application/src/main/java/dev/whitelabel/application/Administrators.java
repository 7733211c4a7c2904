package dev.whitelabel.application;

import dev.whitelabel.domain.error.NotWhiteLabelAdmin;
import dev.whitelabel.domain.model.Actor;

/** Who manages a platform's integrations: its admins over HTTP, and the operator on the command line. */
final class Administrators {

    private Administrators() {}

    static void require(Actor actor) {
        if (!(actor instanceof Actor.WhiteLabelAdmin) && !(actor instanceof Actor.Operator)) {
            throw new NotWhiteLabelAdmin();
        }
    }
}
