// CloudFront viewer-request function (cloudfront-js-2.0) on the web app's bucket behaviour: client-side
// routes have no file extension and are answered with index.html; files (/assets/app-1a2b.js) pass.
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- CloudFront calls `handler` by name.
function handler(event) {
  var request = event.request;
  var last = request.uri.split('/').pop();
  if (last.indexOf('.') === -1) {
    request.uri = '/index.html';
  }
  return request;
}
