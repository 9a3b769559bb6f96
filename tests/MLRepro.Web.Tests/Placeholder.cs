namespace MLRepro.Web.Tests; internal static class Placeholder { }
