# Varnish in front of the portal (Debian's varnish package, VCL 4.1).
#
# Anonymous GET/HEAD requests are cached for as long as the portal's s-maxage says; a reader
# with a session or a pending message passes through. The portal purges what a publish
# changes with PURGE requests (Wagtail's frontend cache HTTP backend, FRONTEND_CACHE_URL) and
# bans everything with one BAN request when the whole site changed (a menu, the footer).
# Pages are keyed by URL only (one site behind this Varnish): purges name the site's own
# host name, readers may arrive by any of its names.
vcl 4.1;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
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
        return (purge);
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        ban("obj.status != 0");
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin/|documents/|csrf-token/|healthz)") {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # The CSRF cookie and any other never change a cached page; the language is in the path.
    unset req.http.Cookie;
    unset req.http.Accept-Language;
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_response {
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "private|no-store|no-cache") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Errors are kept briefly, never for the s-maxage of a page.
    if (beresp.status >= 400) {
        set beresp.ttl = 10s;
    }
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Edge-Cache = "hit";
    } else {
        set resp.http.X-Edge-Cache = "miss";
    }
    return (deliver);
}
