# Varnish in front of the portal's gunicorn hosts (docs/hosting.md).
#
# - Anonymous readers get cached pages; whatever carries a session cookie, the admin and the
#   reader reports pass to the application. The application says what may be cached
#   (Cache-Control, operations/http_cache.py); a response that sets a cookie is never stored.
# - Query parameters the site does not use are dropped before the cache key is made, so
#   ?x=random or utm_* cannot fill the cache with copies of one page.
# - PURGE from loopback (the application's wagtail.contrib.frontend_cache backend) removes a
#   path with every query string of it; with "X-Purge-Prefix: 1" every path under it.
#
# scripts/varnish.sh replaces the backend's port (8000) when it starts Varnish.
vcl 4.1;

import std;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        set req.http.X-Purge-Path = regsub(req.url, "\?.*$", "");
        if (req.http.X-Purge-Prefix) {
            ban("obj.http.X-Path ~ ^" + req.http.X-Purge-Path);
        } else {
            ban("obj.http.X-Path == " + req.http.X-Purge-Path);
        }
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin)/" || req.url ~ "^/[a-z]{2}/rapportera-oversattning/") {
        return (pass);
    }
    # Editors and anyone else with a session see their own pages.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Anonymous pages do not depend on cookies (CSRF tokens, analytics): drop them.
    unset req.http.Cookie;

    # Keep only the parameters some page reads: search, filters, pagination.
    if (req.url ~ "\?") {
        set req.url = regsuball(req.url, "([?&])(?!(q|page|topic|partner|goal|kind|target_group|programme|status|skickad)=)[^&]*", "\1");
        set req.url = regsuball(req.url, "&&+", "&");
        set req.url = regsub(req.url, "\?&", "?");
        set req.url = regsub(req.url, "[?&]$", "");
        set req.url = std.querysort(req.url);
    }
    return (hash);
}

sub vcl_backend_response {
    # What a ban matches on (bans on obj.* run in the background ban lurker).
    set beresp.http.X-Path = regsub(bereq.url, "\?.*$", "");
    if (beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    if (beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.X-Path;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
