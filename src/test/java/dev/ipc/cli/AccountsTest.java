// The one user and group resolver: names through NSS, ids in decimal, and one message for what names no account.
package dev.ipc.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AccountsTest {
    @Test
    void reads_names_and_decimal_ids() {
        assertEquals(0, Accounts.uid("--owner", "root"));
        assertEquals(0, Accounts.gid("--group", "root"));
        assertEquals(4242, Accounts.uid("--owner", "4242"));
        assertEquals(4242, Accounts.gid("--group", "004242"));
        assertEquals(4294967294L, Accounts.uid("--owner", "4294967294"));
    }

    @Test
    void a_name_that_is_no_account_is_a_usage_error_naming_option_and_value() {
        IpcException user = assertThrows(IpcException.class, () -> Accounts.uid("--owner", "no-such-user-x"));
        assertEquals(ExitCodes.USAGE, user.exitCode());
        assertEquals("invalid --owner 'no-such-user-x': no such user (give a user name or a uid)", user.getMessage());
        IpcException group = assertThrows(IpcException.class, () -> Accounts.gid("--group", "no-such-group-x"));
        assertEquals(ExitCodes.USAGE, group.exitCode());
        assertEquals("invalid --group 'no-such-group-x': no such group (give a group name or a gid)",
                group.getMessage());
        assertEquals("invalid --owner '': no such user (give a user name or a uid)",
                assertThrows(IpcException.class, () -> Accounts.uid("--owner", "")).getMessage());
    }

    @Test
    void an_id_beyond_what_an_account_can_have_is_refused() {
        for (String text : new String[] {"4294967295", "99999999999", "123456789012345678901234"}) {
            IpcException e = assertThrows(IpcException.class, () -> Accounts.uid("--owner", text), text);
            assertEquals(ExitCodes.USAGE, e.exitCode());
            assertEquals("invalid --owner '" + text + "': a uid is from 0 to 4294967294", e.getMessage());
        }
    }
}
