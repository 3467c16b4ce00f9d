using Amazon.Runtime;

namespace MediaVault.Storage.Tests.S3;

/// <summary>Gives the SDK HTTP clients that count multipart part uploads (<c>PUT ...?partNumber=</c>), so a test can see how an upload was sent.</summary>
internal sealed class PartUploadCountingHttpClientFactory : HttpClientFactory
{
    private int _partUploads;

    public int PartUploads => Volatile.Read(ref _partUploads);

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new CountingHandler(this));

    private sealed class CountingHandler(PartUploadCountingHttpClientFactory owner) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Put && request.RequestUri?.Query.Contains("partNumber=", StringComparison.Ordinal) == true)
            {
                Interlocked.Increment(ref owner._partUploads);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
